#include "translations/languagemanager.h"

#include "translations/sourceplurals.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace socketlab {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
    // English plurals, for every language: installed first, so a language's own translation
    // (installed later) is asked before it. Once for the program.
    static SourcePlurals plurals;
    static const bool installed = QCoreApplication::installTranslator(&plurals);
    Q_UNUSED(installed);
}

QStringList LanguageManager::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("pt_BR")};
}

QString LanguageManager::systemLanguage()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        if (name.startsWith(QLatin1String("pt"), Qt::CaseInsensitive))
            return QStringLiteral("pt_BR");
        if (name.startsWith(QLatin1String("en"), Qt::CaseInsensitive))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString LanguageManager::languageFromArguments(const QStringList &arguments)
{
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return QString();
}

bool LanguageManager::setLanguage(const QString &language)
{
    if (!availableLanguages().contains(language))
        return false;
    if (language == m_language)
        return true;
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (language != QLatin1String("en")) {
        if (m_appTranslator.load(QStringLiteral(":/i18n/socketlab_%1.qm").arg(language)))
            QCoreApplication::installTranslator(&m_appTranslator);
        if (m_qtTranslator.load(QStringLiteral("qt_%1").arg(language),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
    QLocale::setDefault(
        QLocale(language == QLatin1String("en") ? QStringLiteral("en_US") : language));
    m_language = language;
    emit languageChanged(language);
    return true;
}

} // namespace socketlab
