#include "ui/checkresultsmodel.h"

#include "ui/models/plaintooltip.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QStyle>

namespace socketlab {

CheckResultsModel::CheckResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CheckResultsModel::addItem(const CheckItem &item)
{
    int row = int(m_items.size());
    const int rank = int(m_order.indexOf(item.id));
    if (rank >= 0) {
        // Before the first item that comes later in the rubric.
        for (int i = 0; i < m_items.size(); ++i) {
            const int other = int(m_order.indexOf(m_items.at(i).id));
            if (other < 0 || other > rank) {
                row = i;
                break;
            }
        }
    }
    beginInsertRows(QModelIndex(), row, row);
    m_items.insert(row, item);
    endInsertRows();
}

void CheckResultsModel::clear()
{
    if (m_items.isEmpty())
        return;
    beginResetModel();
    m_items.clear();
    endResetModel();
}

void CheckResultsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_items.isEmpty())
        emit dataChanged(index(0, ResultColumn), index(rowCount() - 1, ResultColumn));
}

int CheckResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int CheckResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CheckResultsModel::resultText(CheckItem::Result result)
{
    switch (result) {
    case CheckItem::Result::Pass:
        return tr("Passed");
    case CheckItem::Result::Fail:
        return tr("Failed");
    case CheckItem::Result::NotApplicable:
        break;
    }
    return tr("Not applicable");
}

QVariant CheckResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const CheckItem &item = m_items.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == ResultColumn)
            return resultText(item.result);
        if (column == ItemColumn)
            return item.id;
        if (column == ExplanationColumn) {
            // One line in the table; the details pane shows all of it.
            QString text = item.explanation;
            text.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return text;
        }
        break;
    case Qt::ToolTipRole:
        if (column == ExplanationColumn)
            return PlainToolTip::from(PlainToolTip::wrapped(item.explanation));
        break;
    case Qt::DecorationRole:
        if (column == ResultColumn) {
            const QStyle::StandardPixmap pixmap = item.result == CheckItem::Result::Pass
                ? QStyle::SP_DialogApplyButton
                : item.result == CheckItem::Result::Fail ? QStyle::SP_DialogCancelButton
                                                         : QStyle::SP_DialogResetButton;
            return QApplication::style()->standardIcon(pixmap);
        }
        break;
    case Qt::BackgroundRole:
        // A light tint with the word and the icon, readable in either theme's dark text.
        if (column == ResultColumn) {
            if (item.result == CheckItem::Result::Pass)
                return QColor(0xd8, 0xf0, 0xd8);
            if (item.result == CheckItem::Result::Fail)
                return QColor(0xf8, 0xd8, 0xd0);
        }
        break;
    case Qt::ForegroundRole:
        if (column == ResultColumn && item.result != CheckItem::Result::NotApplicable)
            return QColor(Qt::black);
        break;
    case Qt::FontRole:
        if (column == ResultColumn && item.result == CheckItem::Result::Fail) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case ResultNameRole:
        return checkResultName(item.result);
    default:
        break;
    }
    return QVariant();
}

QVariant CheckResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ResultColumn:
        return tr("Result");
    case ItemColumn:
        return tr("Item");
    case ExplanationColumn:
        return tr("What was checked");
    default:
        break;
    }
    return QVariant();
}

} // namespace socketlab
