#pragma once

#include "app/clioptions.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

namespace socketlab {

// socketlab-cli check --exercise NAME --batch DIR [--csv FILE]: checks every entry of DIR
// (a .py file with python3, a .c file compiled first with the system's cc, a folder with an
// executable run), each in a socketlab-cli check of its own, so each has its own private
// network and limits; progress ("3 of 30: ana.py") on standard error; one CSV row per entry
// (one column per item, then the score), written atomically. Exit 0 when every entry passed
// every item, 1 otherwise or when a private network cannot be made, 2 for a bad DIR.
class CliCheckBatch
{
    Q_DECLARE_TR_FUNCTIONS(CliCheckBatch)

public:
    explicit CliCheckBatch(const CliOptions &options);
    int exec();

private:
    struct Row
    {
        QString name;
        QMap<QString, QString> results; // item id -> pass, fail, n/a
        int passed = 0;
        int failed = 0;
        bool everyPassed = false;
    };

    // Checks one entry from its staged copy; false (with *fatal) when checking is not
    // possible here at all.
    bool checkEntry(const QString &path, Row *row, QString *fatal);
    bool compile(const QString &source, const QString &binary, QStringList *errors);
    bool writeCsv(const QList<Row> &rows, QString *error);
    void say(const QString &message);

    CliOptions m_options;
    QStringList m_itemIds;
};

} // namespace socketlab
