#pragma once

#include "core/checkitem.h"

#include <QAbstractTableModel>

namespace socketlab {

// The rubric of a check as it arrives ("Check a program…"): one row per item, with its result
// (a word, an icon and a tint: never colour alone), its id and its explanation. Everything but
// the result word came from socketlab-cli, and the evidence is the program's output: plain text.
class CheckResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ResultColumn, ItemColumn, ExplanationColumn, ColumnCount };
    // The item's result as the JSON contract spells it ("pass", "fail", "n/a").
    static constexpr int ResultNameRole = Qt::UserRole + 1;

    explicit CheckResultsModel(QObject *parent = nullptr);

    // The rubric's items in their order (CheckRubric::itemIds): items that come in another
    // order (as they are decided) take their place in it; empty: in the order they come.
    void setOrder(const QStringList &ids) { m_order = ids; }
    void addItem(const CheckItem &item);
    void clear();
    const CheckItem &item(int row) const { return m_items.at(row); }
    // Shown again in the window's language (the result words and headers; the explanations
    // are the language the check ran in).
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Passed", "Failed", "Not applicable", translated.
    static QString resultText(CheckItem::Result result);

private:
    CheckItems m_items;
    QStringList m_order;
};

} // namespace socketlab
