"""S3-compatible media storage that keeps files of content not yet live private (`infrastructure.embargo`).

Objects are uploaded private (`AWS_DEFAULT_ACL = "private"`). Once the app knows a file is not withheld — at
upload, when a rendition is made, when the content using it goes live — the object is made public-read and
its URL is the plain, cacheable bucket (or custom domain) URL. While withheld, the object is private again and
its URL is signed for `MEDIA_SIGNED_URL_SECONDS` (only editors ever see such a URL: in previews and the admin).
The bucket must allow object ACLs (S3: Object Ownership "Bucket owner preferred"; no public bucket policy).
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from infrastructure.embargo import withheld_file

logger = logging.getLogger(__name__)


class EmbargoS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        if withheld_file(clean_name(name)) is None:
            return super().url(name, parameters, expire, http_method)
        # Signed against the bucket itself, never the public custom domain; short-lived.
        params = dict(parameters or {}, Bucket=self.bucket_name, Key=self._normalize_name(clean_name(name)))
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=expire or settings.HUB_MEDIA_SIGNED_URL_SECONDS,
            HttpMethod=http_method,
        )

    def set_public(self, name, public):
        """Open or close one object (called after the deciding transaction commits)."""
        key = self._normalize_name(clean_name(name))
        acl = "public-read" if public else "private"
        try:
            self.connection.meta.client.put_object_acl(Bucket=self.bucket_name, Key=key, ACL=acl)
        except (ClientError, BotoCoreError) as exc:
            logger.error("Could not set ACL %s on media object %s: %s", acl, key, exc)
