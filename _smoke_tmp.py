import django;django.setup()
import re
from django.test import Client
c=Client()
for url in ["/nb/sok/?q=samskaping","/nb/sok/?q=bibliotekene","/nb/sok/?q=xyzzy","/nb/sok/","/nb/sok/forslag/?q=sams","/nb/sok/?q=%22%00AND+OR+(%3C)&sprak=alle", "/nb/sok/?q="+"a"*2000, "/nb/sok/?q=samskaping&sprak=alle&language=en&side=99"]:
    r=c.get(url)
    print(url[:60], r.status_code, len(r.content))
    if url.startswith("/nb/sok/forslag"): print(r.content[:300])
r=c.get("/nb/sok/?q=samskaping&sprak=alle")
t=re.sub(r"\s+"," ",r.content.decode())
print(t[t.find('<main'):][:3000])
