#include "lessons/recipelisting.h"

namespace socketlab {

CodeListing RecipeListing::iterativeServerLoop()
{
    CodeListing listing;
    listing.c = {
        "for (;;) {",
        {"accept", "  c = accept(s, NULL, NULL);"},
        {"recv", "  while ((n = recv(c, buf, 1024, 0)) > 0)"},
        "    printf(\"%.*s\\n\", n, buf);",
        {"close", "  close(c);"},
        "}",
    };
    listing.python = {
        "while True:",
        {"accept", "    con, cliente = tcp.accept()"},
        "    while True:",
        {"recv", "        msg = con.recv(1024)"},
        "        if not msg: break",
        "        print(cliente, msg)",
        {"close", "    con.close()"},
    };
    return listing;
}

} // namespace socketlab
