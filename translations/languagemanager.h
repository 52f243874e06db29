#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace socketlab {

// Installs SocketLab's and Qt's own translations for the chosen language and switches it
// while the program runs (Qt then sends LanguageChange to every widget).
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);

    static QStringList availableLanguages(); // "en", "pt_BR"
    // pt_BR for a Portuguese system locale (pt_BR and pt_PT alike), en otherwise.
    static QString systemLanguage();
    // The value of --lang in argv, if any (read before the full parse so its errors are
    // already translated).
    static QString languageFromArguments(const QStringList &arguments);

    QString language() const { return m_language; }
    bool setLanguage(const QString &language);

signals:
    void languageChanged(const QString &language);

private:
    QString m_language;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace socketlab
