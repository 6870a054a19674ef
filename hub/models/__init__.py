from .hub_page import HubPage  # noqa: F401
from .images import HubImage, HubRendition  # noqa: F401
from .media import MediaUse, WithheldFile  # noqa: F401
from .outbound_email import OutboundEmail  # noqa: F401
from .pages import HomePage, HomePagePartner, StandardPage  # noqa: F401
from .site_settings import SiteSettings  # noqa: F401
from .taxonomy import County, Municipality, Theme  # noqa: F401
