#include "ui/logcolumnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>

namespace socketlab {

namespace {
// The columns other than the message stay on one line (an address or a thread id broken in
// two reads worse than one cut short).
class SingleLineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->features &= ~QStyleOptionViewItem::WrapText;
    }
};
} // namespace

LogColumnFitter::LogColumnFitter(QTableView *view, int flexibleColumn, bool wrap)
    : QObject(view),
      m_view(view),
      m_viewport(view->viewport()),
      m_flexible(flexibleColumn),
      m_wrap(wrap),
      m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &LogColumnFitter::refit);
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    view->setWordWrap(wrap);
    if (wrap) {
        view->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        auto *singleLine = new SingleLineDelegate(this);
        for (int c = 0; c < view->model()->columnCount(); ++c) {
            if (c != flexibleColumn)
                view->setItemDelegateForColumn(c, singleLine);
        }
    }
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &LogColumnFitter::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &LogColumnFitter::schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, &LogColumnFitter::schedule);
    connect(model, &QAbstractItemModel::headerDataChanged, this, &LogColumnFitter::schedule);
    connect(model, &QAbstractItemModel::columnsInserted, this, &LogColumnFitter::schedule);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (m_wrap)
            fitVisibleRows();
    });
    schedule();
}

void LogColumnFitter::setMinimumText(int column, const QString &text)
{
    m_minimumTexts.insert(column, text);
    schedule();
}

void LogColumnFitter::setFlexibleShare(double share)
{
    m_flexibleShare = share;
    schedule();
}

void LogColumnFitter::schedule()
{
    if (!m_timer->isActive())
        m_timer->start();
}

bool LogColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_viewport && event->type() == QEvent::Resize)
        || (watched == m_view
            && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
                || event->type() == QEvent::Show)))
        schedule();
    return QObject::eventFilter(watched, event);
}

void LogColumnFitter::refit()
{
    fitColumns();
    if (m_wrap)
        fitVisibleRows();
}

void LogColumnFitter::fitColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int available = m_view->viewport()->width();
    if (available <= 0 || !m_view->model())
        return;
    const int columns = m_view->model()->columnCount();
    const int cap = int(available * kMaxShare);
    QList<int> widths(columns, 0);
    int used = 0;
    for (int c = 0; c < columns; ++c) {
        if (c == m_flexible || m_view->isColumnHidden(c))
            continue;
        // The header's text and the rows on screen: sizing to every row would cost a scan of
        // thousands on each batch.
        widths[c] = qMin(cap,
                         qMax(header->sectionSizeHint(c),
                              static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(c)));
        used += widths[c];
    }
    // When the others would crowd the message, they shrink in proportion (and elide: an
    // address or a thread id, never the text somebody typed).
    const int othersRoom = int(available * (1.0 - m_flexibleShare));
    // A column's least width (its text and a cell's margins) is kept out of the shrinking.
    QList<int> least(columns, 0);
    int kept = 0;
    for (auto it = m_minimumTexts.cbegin(); it != m_minimumTexts.cend(); ++it) {
        const int c = it.key();
        if (c < 0 || c >= columns || c == m_flexible || m_view->isColumnHidden(c))
            continue;
        const int margin
            = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1);
        least[c] = m_view->fontMetrics().horizontalAdvance(it.value()) + margin + 2;
        used += qMax(0, least[c] - widths[c]);
        widths[c] = qMax(widths[c], least[c]);
        kept += widths[c];
    }
    if (used > othersRoom && used > kept) {
        int scaled = kept;
        for (int c = 0; c < columns; ++c) {
            if (least[c] > 0)
                continue;
            widths[c] = widths[c] * qMax(0, othersRoom - kept) / (used - kept);
            scaled += widths[c];
        }
        used = scaled;
    }
    for (int c = 0; c < columns; ++c) {
        if (c != m_flexible && !m_view->isColumnHidden(c) && header->sectionSize(c) != widths[c])
            header->resizeSection(c, widths[c]);
    }
    if (m_flexible >= 0 && m_flexible < columns) {
        // The rest, up to the viewport's right edge; every column after the flexible one
        // (the hex column) comes out of what the others leave.
        const int flexible = qMax(available - used, int(available * m_flexibleShare));
        const int fitting = qMin(flexible, available - used);
        if (header->sectionSize(m_flexible) != fitting)
            header->resizeSection(m_flexible, qMax(fitting, header->minimumSectionSize()));
    }
}

void LogColumnFitter::fitVisibleRows()
{
    QHeaderView *rows = m_view->verticalHeader();
    const int count = m_view->model()->rowCount();
    const int height = m_view->viewport()->height();
    int row = m_view->rowAt(0);
    if (row < 0)
        row = 0;
    const int single = rows->defaultSectionSize();
    const int maxHeight = single + (m_maxLines - 1) * m_view->fontMetrics().lineSpacing();
    // Rows grow to their wrapped text; those out of sight keep one line until they scroll in.
    for (int guard = 0; row < count && guard < 200; ++row, ++guard) {
        if (m_view->rowViewportPosition(row) > height)
            break;
        const int wanted = qBound(
            single, static_cast<QAbstractItemView *>(m_view)->sizeHintForRow(row), maxHeight);
        if (rows->sectionSize(row) != wanted)
            rows->resizeSection(row, wanted);
    }
}

} // namespace socketlab
