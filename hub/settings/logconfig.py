"""Logging: plain lines by default, one JSON object per line with LOG_FORMAT=json (for log shippers)."""

import json
import logging
import os
from datetime import UTC, datetime

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "message", ...extra fields, "exc"}; request objects are reduced to
    method and path (never headers, cookies or bodies)."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if key in _STANDARD or key.startswith("_"):
                continue
            if key == "request":
                value = {"method": getattr(value, "method", None), "path": getattr(value, "path", None)}
            elif not isinstance(value, (str, int, float, bool, type(None), list, dict)):
                value = str(value)
            entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(environ=None):
    environ = os.environ if environ is None else environ
    level = environ.get("LOG_LEVEL")
    formatter = "json" if environ.get("LOG_FORMAT", "plain").strip().lower() == "json" else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "hub.settings.logconfig.JsonFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": formatter}},
        "root": {"handlers": ["console"], "level": level or "WARNING"},
        "loggers": {
            name: {"level": level or "INFO"} for name in ("hub", "search", "events", "methods", "stories", "press")
        }
        | {"django.request": {"level": level or "WARNING"}, "wagtail.frontendcache": {"level": level or "WARNING"}},
    }
