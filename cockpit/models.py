"""The cockpit's own data: the goal targets editors set, and the participants' conversation log (sub-goal 1.3).

A conversation entry points at its events Registration by the registration's public `reference` (a UUID), not by
a foreign key: the events app owns registrations and their migrations, and the privacy functions in
`cockpit.privacy` delete or detach the entries whenever a registration is exported, deleted or purged.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from hub.models.taxonomy import VOLUNTEER_ORG_TYPES

ORG_TYPES = VOLUNTEER_ORG_TYPES

CHALLENGES = [
    ("recruitment", _("Recruiting volunteers")),
    ("premises", _("Premises and meeting places")),
    ("reach", _("Reaching new groups")),
    ("inclusion", _("Loneliness and inclusion")),
    ("digital", _("Digital skills")),
    ("children_youth", _("Children and young people")),
    ("language", _("Language and integration")),
    ("funding", _("Funding")),
    ("communication", _("Communication and visibility")),
    ("other", _("Other")),
]


@register_setting(icon="crosshairs")
class GoalTargets(BaseGenericSetting):
    """The seed's targets, editable because plans change (Settings → Goal targets)."""

    course_completions = models.PositiveIntegerField(
        _("library staff completing the course series"), default=50, help_text=_("Sub-goal 1.2.")
    )
    conversations_per_participant = models.PositiveIntegerField(
        _("conversations per participant"), default=3, help_text=_("Sub-goal 1.3.")
    )
    volunteer_gatherings = models.PositiveIntegerField(
        _("digital gatherings for volunteer organisations"), default=1, help_text=_("Sub-goal 1.4.")
    )
    coverage_items = models.PositiveIntegerField(_("coverage items"), default=5, help_text=_("Sub-goal 1.5."))
    feedback_items = models.PositiveIntegerField(
        _("feedback on the methods"), default=20, help_text=_("Sub-goal 2.1: evaluation with users.")
    )
    original_methods = models.PositiveIntegerField(_("original methods published"), default=9)
    new_methods = models.PositiveIntegerField(_("new methods published"), default=5, help_text=_("Sub-goal 2.3."))
    digital_methods = models.PositiveIntegerField(
        _("methods adapted for digital co-creation"), default=5, help_text=_("Sub-goal 2.4.")
    )
    expert_reviews = models.PositiveIntegerField(
        _("methods reviewed by the expert group"), default=14, help_text=_("Sub-goal 2.5.")
    )
    launches = models.PositiveIntegerField(_("digital launches held"), default=2, help_text=_("Sub-goal 2.6."))
    intro_courses = models.PositiveIntegerField(_("introduction courses held"), default=1, help_text=_("Sub-goal 1.1."))
    language_floor_percent = models.PositiveSmallIntegerField(
        _("minimum share per written language (%)"), default=25, help_text=_("Bokmål and Nynorsk each.")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("intro_courses"),
                FieldPanel("course_completions"),
                FieldPanel("conversations_per_participant"),
                FieldPanel("volunteer_gatherings"),
                FieldPanel("coverage_items"),
            ],
            heading=_("Main goal 1"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_items"),
                FieldPanel("original_methods"),
                FieldPanel("new_methods"),
                FieldPanel("digital_methods"),
                FieldPanel("expert_reviews"),
                FieldPanel("launches"),
            ],
            heading=_("Main goal 2"),
        ),
        FieldPanel("language_floor_percent"),
    ]

    class Meta:
        verbose_name = _("goal targets")


class ConversationLog(models.Model):
    """One exploratory conversation a course participant held with a local volunteer organisation."""

    registration_ref = models.UUIDField(
        _("registration reference"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty once the participant's personal data has been purged (the entry stays in the totals)."),
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    org_type = models.CharField(_("type of organisation"), max_length=20, choices=ORG_TYPES)
    municipality = models.ForeignKey(
        "hub.Municipality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("municipality"),
    )
    held_on = models.DateField(_("date of the conversation"))
    challenges = models.TextField(_("shared challenges you found"), blank=True)
    follow_up_planned = models.BooleanField(_("a follow-up is planned"), default=False)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        permissions = [
            ("view_cockpit", _("Can see the editors' cockpit")),
            ("view_conversation_progress", _("Can see the participants' conversation progress")),
        ]

    def __str__(self):
        return f"{self.organisation_name} ({self.held_on})"


class ConversationChallenge(models.Model):
    """A challenge category ticked for a conversation: one row each, so that editors' totals are one GROUP BY."""

    entry = models.ForeignKey(ConversationLog, on_delete=models.CASCADE, related_name="challenge_tags")
    category = models.CharField(_("challenge"), max_length=20, choices=CHALLENGES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "category"], name="one_challenge_category_per_entry")]

    def __str__(self):
        return f"{self.get_category_display()} ({self.entry_id})"
