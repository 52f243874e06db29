#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QTableView;
class QTimer;

namespace socketlab {

// Sizes a table's columns for reading from the back of the room: every column but the
// flexible one as wide as its content (header included) up to a share of the width, the
// flexible one (the log's message) all the rest, never less than its share. With wrap on, the
// flexible column wraps instead of eliding: the visible rows grow to their text (only those,
// so a flood of thousands of rows costs no more than a screenful).
class LogColumnFitter : public QObject
{
    Q_OBJECT

public:
    // A column other than the flexible one gets at most this share of the width.
    static constexpr double kMaxShare = 0.28;
    // The flexible column gets at least this share.
    static constexpr double kFlexibleShare = 0.4;
    static constexpr int kMaxWrappedLines = 8;

    LogColumnFitter(QTableView *view, int flexibleColumn, bool wrap);
    // The column is never narrower than this text (the longest it shows, whether or not a
    // row shows it yet); the others give way.
    void setMinimumText(int column, const QString &text);
    // The flexible column's least share (kFlexibleShare unless told).
    void setFlexibleShare(double share);
    // How many lines a wrapped row grows to at most (kMaxWrappedLines unless told).
    void setMaxWrappedLines(int lines) { m_maxLines = qMax(1, lines); }

public slots:
    // Fits again, as after a font change or when columns were shown or hidden.
    void refit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    void fitVisibleRows();
    void schedule();

    QTableView *m_view;
    // Compared by address only: events still reach the filter while the view is being
    // destroyed, when calling into it (viewport()) is undefined.
    const QObject *m_viewport;
    int m_flexible;
    bool m_wrap;
    QTimer *m_timer;
    QHash<int, QString> m_minimumTexts;
    double m_flexibleShare = kFlexibleShare;
    int m_maxLines = kMaxWrappedLines;
};

} // namespace socketlab
