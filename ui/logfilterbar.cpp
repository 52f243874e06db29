#include "ui/logfilterbar.h"

#include "ui/logfiltermodel.h"
#include "ui/models/eventlistmodel.h"
#include "ui/models/studentroster.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>

#include <algorithm>

namespace socketlab {

namespace {
// The combo's data: (kind, id) packed in one int.
constexpr int kClientBase = 1 << 20;
constexpr int kStudentBase = 2 << 20;
} // namespace

LogFilterBar::LogFilterBar(LogFilterModel *filter, QWidget *parent)
    : QWidget(parent),
      m_filter(filter),
      m_who(new QComboBox(this)),
      m_hideEchoes(new QCheckBox(this)),
      m_hideStates(new QCheckBox(this)),
      m_search(new QLineEdit(this))
{
    setObjectName(QStringLiteral("logFilterBar"));
    m_who->setObjectName(QStringLiteral("logWho"));
    m_hideEchoes->setObjectName(QStringLiteral("logHideEchoes"));
    m_hideStates->setObjectName(QStringLiteral("logHideStates"));
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    m_who->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_who);
    layout->addWidget(m_hideEchoes);
    layout->addWidget(m_hideStates);
    layout->addWidget(m_search, 1);

    connect(m_who, qOverload<int>(&QComboBox::activated), this, &LogFilterBar::whoChosen);
    connect(m_hideEchoes, &QCheckBox::toggled, m_filter, &LogFilterModel::setHideEchoes);
    connect(m_hideStates, &QCheckBox::toggled, m_filter, &LogFilterModel::setHideStates);
    connect(m_search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setSearchText);
    EventListModel *events = m_filter->eventModel();
    connect(events, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { rowsInserted(first, last); });
    retranslateUi();
}

void LogFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LogFilterBar::retranslateUi()
{
    m_hideEchoes->setText(tr("Hide echoes"));
    m_hideEchoes->setToolTip(tr("Hide what the server sends back (Echo rows)"));
    m_hideStates->setText(tr("Hide TCP states"));
    m_hideStates->setToolTip(
        tr("Hide the kernel's TCP state rows (the table still shows each state)"));
    m_search->setPlaceholderText(tr("Search the log"));
    const QString saved = tr("Save log and Copy take the rows shown.");
    m_who->setToolTip(
        tr("Show the rows of everyone, of one client or of one student. %1").arg(saved));
    m_search->setToolTip(
        tr("Show only rows whose client, event or message holds this text. %1").arg(saved));
    rebuildWho();
}

void LogFilterBar::rowsInserted(int first, int last)
{
    const EventListModel *events = m_filter->eventModel();
    bool grown = false;
    for (int row = first; row <= last; ++row) {
        const SocketEvent &event = events->eventAt(row);
        if (event.clientId > 0 && !m_clients.contains(event.clientId)) {
            m_clients.insert(event.clientId);
            grown = true;
        } else if (const int student = StudentRoster::studentOf(event)) {
            if (!m_students.contains(student)) {
                m_students.insert(student);
                grown = true;
            }
        }
    }
    if (grown)
        rebuildWho();
}

void LogFilterBar::rebuildWho()
{
    const int chosen = m_who->currentIndex() >= 0 ? m_who->currentData().toInt() : 0;
    const QSignalBlocker blocker(m_who);
    m_who->clear();
    m_who->addItem(tr("Everyone"), 0);
    QList<int> clients(m_clients.begin(), m_clients.end());
    std::sort(clients.begin(), clients.end());
    for (int id : clients)
        m_who->addItem(tr("Client %1").arg(id), kClientBase + id);
    QList<int> students(m_students.begin(), m_students.end());
    std::sort(students.begin(), students.end());
    for (int number : students)
        m_who->addItem(tr("Student %1").arg(number), kStudentBase + number);
    m_who->setCurrentIndex(qMax(0, m_who->findData(chosen)));
}

void LogFilterBar::whoChosen(int index)
{
    const int data = m_who->itemData(index).toInt();
    if (data >= kStudentBase)
        m_filter->setWho(LogFilterModel::Who::Student, data - kStudentBase);
    else if (data >= kClientBase)
        m_filter->setWho(LogFilterModel::Who::Client, data - kClientBase);
    else
        m_filter->setWho(LogFilterModel::Who::Everyone);
}

} // namespace socketlab
