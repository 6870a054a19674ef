"""The one pagination helper every listing uses."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, object_list, per_page=12, param="side", count=None):
    """`count`: the number of items when the caller already knows it (saves the paginator's count query)."""
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property
    try:
        page = paginator.page(request.GET.get(param, 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    query = request.GET.copy()
    query.pop(param, None)
    page.base_query = query.urlencode()
    page.param = param
    return page
