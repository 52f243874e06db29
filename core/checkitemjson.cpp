#include "core/checkitemjson.h"

#include "core/jsonline.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace socketlab {

QByteArray CheckItemJson::itemLine(const CheckItem &item)
{
    QJsonArray calls;
    for (const CheckItem::Call &call : item.calls) {
        calls.append(QJsonObject {{QStringLiteral("pid"), call.pid},
                                  {QStringLiteral("tid"), call.tid},
                                  {QStringLiteral("end_us"), call.endUs}});
    }
    JsonLine line;
    line.add("event", QStringLiteral("item"));
    line.add("item", item.id);
    line.add("result", checkResultName(item.result));
    line.add("evidence", item.evidence);
    line.add("explanation", item.explanation);
    line.addJson("calls", QJsonDocument(calls).toJson(QJsonDocument::Compact));
    return line.finish();
}

QByteArray CheckItemJson::scoreLine(int passed, int failed)
{
    JsonLine line;
    line.add("event", QStringLiteral("score"));
    line.add("passed", qint64(passed));
    line.add("failed", qint64(failed));
    line.add("total", qint64(passed + failed));
    return line.finish();
}

CheckItem::Result CheckItemJson::parseResult(const QString &text)
{
    if (text == QLatin1String("pass"))
        return CheckItem::Result::Pass;
    if (text == QLatin1String("fail"))
        return CheckItem::Result::Fail;
    return CheckItem::Result::NotApplicable;
}

bool CheckItemJson::parseItem(const QJsonObject &object, CheckItem *item)
{
    if (object.value(QLatin1String("event")).toString() != QLatin1String("item"))
        return false;
    *item = CheckItem();
    item->id = object.value(QLatin1String("item")).toString();
    item->result = parseResult(object.value(QLatin1String("result")).toString());
    const QJsonArray evidence = object.value(QLatin1String("evidence")).toArray();
    for (const QJsonValue &value : evidence)
        item->evidence << value.toString();
    item->explanation = object.value(QLatin1String("explanation")).toString();
    const QJsonArray calls = object.value(QLatin1String("calls")).toArray();
    for (const QJsonValue &value : calls) {
        const QJsonObject call = value.toObject();
        item->calls << CheckItem::Call {call.value(QLatin1String("pid")).toInteger(),
                                        call.value(QLatin1String("tid")).toInteger(),
                                        call.value(QLatin1String("end_us")).toInteger()};
    }
    return true;
}

bool CheckItemJson::parseScore(const QJsonObject &object, int *passed, int *failed)
{
    if (object.value(QLatin1String("event")).toString() != QLatin1String("score"))
        return false;
    *passed = object.value(QLatin1String("passed")).toInt();
    *failed = object.value(QLatin1String("failed")).toInt();
    return true;
}

} // namespace socketlab
