#pragma once

#include <QTranslator>

namespace socketlab {

// English is the source language, so no translation file gives its plural forms: this
// translator does, for texts with %n (tr(text, "", n)), by writing "(s)" and "(es)" as the
// number wants them ("%n item(s)": "1 item", "2 items"). It answers nothing else, and a
// language's own translation, installed after it, is asked first.
class SourcePlurals : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    // text with its "(s)" and "(es)" written for n.
    static QString resolve(const QString &text, int n);
};

} // namespace socketlab
