#include "ui/lessons/recipelisting.h"

namespace socketlab {

CodeListing RecipeListing::iterativeServerLoop()
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("for (;;) {"),
        QStringLiteral("  c = accept(s, NULL, NULL);"),
        QStringLiteral("  while ((n = recv(c, buf, 1024, 0)) > 0)"),
        QStringLiteral("    printf(\"%.*s\\n\", n, buf);"),
        QStringLiteral("  close(c);"),
        QStringLiteral("}"),
    };
    listing.python = QStringList{
        QStringLiteral("while True:"),
        QStringLiteral("    con, cliente = tcp.accept()"),
        QStringLiteral("    while True:"),
        QStringLiteral("        msg = con.recv(1024)"),
        QStringLiteral("        if not msg: break"),
        QStringLiteral("        print(cliente, msg)"),
        QStringLiteral("    con.close()"),
    };
    return listing;
}

} // namespace socketlab
