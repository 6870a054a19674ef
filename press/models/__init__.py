from .contacts import PressContact  # noqa: F401
from .coverage import CoverageItem  # noqa: F401
from .media_kit import MediaKitItem  # noqa: F401
from .pages import (  # noqa: F401
    PressReleaseAttachment,
    PressReleaseContact,
    PressReleasePage,
    PressRoomContact,
    PressRoomPage,
)
