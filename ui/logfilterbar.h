#pragma once

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace socketlab {

class LogFilterModel;

// The server log's filters in one row: whose rows (everyone, a client pane, a student), hide
// the echoes, hide the kernel's TCP state rows, and a search box. The list of whose rows
// grows as clients and students appear in the log.
class LogFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit LogFilterBar(LogFilterModel *filter, QWidget *parent = nullptr);

    QComboBox *whoBox() const { return m_who; }
    QCheckBox *hideEchoesBox() const { return m_hideEchoes; }
    QCheckBox *hideStatesBox() const { return m_hideStates; }
    QLineEdit *searchEdit() const { return m_search; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rowsInserted(int first, int last);
    void rebuildWho();
    void whoChosen(int index);

    LogFilterModel *m_filter;
    QComboBox *m_who;
    QCheckBox *m_hideEchoes;
    QCheckBox *m_hideStates;
    QLineEdit *m_search;
    QSet<int> m_clients;
    QSet<int> m_students;
};

} // namespace socketlab
