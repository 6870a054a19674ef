"""The machinery every part of the hub relies on and none of them owns: the page cache and its refresh in nginx,
security headers and the public-form origin check, spam and burst limits, the outgoing-mail queue, files withheld
while the content that uses them is not live yet, upload rules, health views and deployment checks, the form
rendering every public form shares, and the Wagtail hook names through which apps add to one another.

It holds no content: the data it works on (stored e-mails, media uses, withheld files) lives in `hub.models`.
"""
