from .pages import (  # noqa: F401
    EventIndexPage,
    EventPage,
    EventPageRelatedMethod,
    EventPageRelatedStory,
    EventPageSpeaker,
)
from .registration import Attendance, Registration, ReminderSent  # noqa: F401
from .snippets import EventSeries, Speaker  # noqa: F401
