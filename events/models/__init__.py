from .pages import EventIndexPage, EventPage, EventPageRelatedMethod, EventPageRelatedStory, EventPageSpeaker  # noqa: F401
from .registration import Attendance, Registration, ReminderSent  # noqa: F401
from .snippets import EventSeries, Speaker  # noqa: F401
