"""Named extension points, so apps can add to each other's work without importing each other.

Points in use:
- "privacy.export"(email) -> (name, data): everything an app holds on one e-mail address;
- "privacy.delete"(email) -> (name, count): erase it;
- "privacy.purge"(cutoff) -> (name, count): the retention rule (personal data older than cutoff);
- "registration.email_lines"(registration) -> list of lines added to a confirmed registration's e-mail.
"""

_points = {}


def register(point, function, first=False):
    functions = _points.setdefault(point, [])
    if function not in functions:
        functions.insert(0, function) if first else functions.append(function)


def call(point, *args, **kwargs):
    return [function(*args, **kwargs) for function in _points.get(point, [])]
