"""The home page's sections as StreamField blocks: editors reorder them, pin items, and leave the rest to the
automatic fallbacks (`hub.home_sections`). Each block renders through `templates/hub/home/<name>.html`; with no
sections at all the page shows every section in the default order (`hub.templatetags.home_tags`)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

AUDIENCES = [
    ("library_staff", _("Library staff")),
    ("volunteers", _("Volunteer organisations")),
    ("municipalities", _("Municipalities and KS")),
    ("press", _("Press")),
]
DESTINATIONS = [
    ("methods", _("The starter pack (methods)")),
    ("stories", _("Stories")),
    ("submit", _("Share a story")),
    ("events", _("Events")),
    ("places", _("Places (counties and municipalities)")),
    ("press", _("Press room")),
    ("search", _("Search")),
]
FIGURES = [
    ("stories", _("Stories")),
    ("municipalities", _("Municipalities")),
    ("counties", _("Counties")),
    ("methods", _("Methods")),
    ("participants", _("Participants")),
]


class IntroBlock(blocks.StructBlock):
    promise = blocks.CharBlock(label=_("Promise"), max_length=120, help_text=_("The page's main heading."))
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    show_search = blocks.BooleanBlock(label=_("Show the search box"), required=False, default=True)

    class Meta:
        icon = "home"
        label = _("Promise and search")


class AudiencePathBlock(blocks.StructBlock):
    audience = blocks.ChoiceBlock(label=_("Audience"), choices=AUDIENCES)
    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    destination = blocks.ChoiceBlock(label=_("Link to"), choices=DESTINATIONS)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)

    class Meta:
        icon = "user"
        label = _("Path")


class AudiencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)
    paths = blocks.ListBlock(
        AudiencePathBlock(),
        label=_("Paths"),
        min_num=0,
        help_text=_("Empty: one path for each audience, to the starter pack, stories, events and the press room."),
    )

    class Meta:
        icon = "group"
        label = _("Paths for each audience")


class PinnedBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=6, default=3)


class EventsBlock(PinnedBlock):
    pinned = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="events.EventPage"),
        label=_("Pinned events"),
        min_num=0,
        help_text=_("Shown first while they are upcoming; the next events fill the rest."),
    )

    class Meta:
        icon = "date"
        label = _("Next events")


class StoriesBlock(PinnedBlock):
    pinned = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="stories.CaseStoryPage"),
        label=_("Pinned stories"),
        min_num=0,
        help_text=_("Shown first; the newest stories fill the rest."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Newest stories")


class CourseBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    course = blocks.PageChooserBlock(
        page_type="methods.CoursePage", label=_("Course"), required=False, help_text=_("Empty: the starter pack.")
    )

    class Meta:
        icon = "list-ol"
        label = _("The starter pack as a course")


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)
    figures = blocks.MultipleChoiceBlock(
        label=_("Figures"), choices=FIGURES, required=False, help_text=_("Empty: all of them.")
    )

    class Meta:
        icon = "table"
        label = _("Figures")


class AboutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)

    class Meta:
        icon = "info-circle"
        label = _("About the project (purpose, goals, partners)")


class HomeSectionsBlock(blocks.StreamBlock):
    intro = IntroBlock()
    audiences = AudiencesBlock()
    events = EventsBlock()
    stories = StoriesBlock()
    course = CourseBlock()
    figures = FiguresBlock()
    about = AboutBlock()

    class Meta:
        block_counts = {"intro": {"max_num": 1}}  # the page's one h1
