#pragma once

#include "core/checkitem.h"

#include <QByteArray>
#include <QJsonObject>

namespace socketlab {

// socketlab-cli check's `item` and `score` events as JSON lines (docs/cli.md), written by the
// command line and read back by the batch and the window: one place knows their keys.
class CheckItemJson
{
public:
    // {"event":"item","item":…,"result":…,"evidence":[…],"explanation":…,"calls":[…]}
    static QByteArray itemLine(const CheckItem &item);
    // {"event":"score","passed":N,"failed":N,"total":N}
    static QByteArray scoreLine(int passed, int failed);

    // An `item` event read back; false when object is no item event.
    static bool parseItem(const QJsonObject &object, CheckItem *item);
    // A `score` event read back; false when object is no score event.
    static bool parseScore(const QJsonObject &object, int *passed, int *failed);
    // "pass", "fail", anything else n/a.
    static CheckItem::Result parseResult(const QString &text);
};

} // namespace socketlab
