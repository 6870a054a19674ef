from .course import CourseLessonPage, CourseMethodStepPage, CourseModulePage, CoursePage  # noqa: F401
from .feedback import MethodFeedback  # noqa: F401
from .index import MethodIndexPage  # noqa: F401
from .method import MethodPage, MethodPageRelated  # noqa: F401
from .taxonomy import MethodPageTag, Phase  # noqa: F401
