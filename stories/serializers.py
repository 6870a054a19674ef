"""API v2 serializer fields for story lists."""

from rest_framework.fields import Field


class TagNamesField(Field):
    """The story's tag names, sorted, read from the prefetched tags (Wagtail's TagsField orders in the database,
    one query per story)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return sorted((tag.name for tag in value.all()), key=lambda name: (name.lower(), name))
