#include "ui/lessons/codeview.h"

#include <QEvent>

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextBlock>
#include <cmath>

namespace socketlab {

namespace {
QPlainTextEdit *makeEditor(QWidget *parent)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setReadOnly(true);
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(parent->font().pointSizeF());
    editor->setFont(font);
    return editor;
}
} // namespace

CodeView::CodeView(QWidget *parent)
    : QTabWidget(parent),
      m_c(makeEditor(this)),
      m_python(makeEditor(this))
{
    // Language names, not translated.
    addTab(m_c, QStringLiteral("C"));
    addTab(m_python, QStringLiteral("Python 3"));
}

void CodeView::changeEvent(QEvent *event)
{
    // The listings are monospaced but follow the window's text size (zoom).
    if (event->type() == QEvent::FontChange) {
        for (QPlainTextEdit *editor : {m_c, m_python}) {
            QFont font = editor->font();
            font.setPointSizeF(this->font().pointSizeF());
            editor->setFont(font);
        }
    }
    QTabWidget::changeEvent(event);
}

void CodeView::setListing(const CodeListing &listing)
{
    m_listing = listing;
    m_c->setPlainText(listing.cTexts().join(QLatin1Char('\n')));
    m_python->setPlainText(listing.pythonTexts().join(QLatin1Char('\n')));
}

int CodeView::listingWidth() const
{
    int widest = 0;
    for (QPlainTextEdit *editor : {m_c, m_python}) {
        const QFontMetrics metrics(editor->font());
        for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next())
            widest = std::max(widest, metrics.horizontalAdvance(b.text()));
    }
    // Around the text: the document's margins, the editor's frame and a vertical scroll bar,
    // the tab page's frame.
    const int margins = 2 * int(std::ceil(m_c->document()->documentMargin()))
        + 2 * m_c->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8;
    return widest + margins;
}

void CodeView::setCurrentAnchor(const char *anchor)
{
    highlight(m_c, m_listing.cLine(anchor));
    highlight(m_python, m_listing.pythonLine(anchor));
}

void CodeView::highlight(QPlainTextEdit *editor, int line)
{
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = editor->document()->findBlockByNumber(line);
    if (line >= 0 && block.isValid()) {
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(QColor(0xff, 0xe0, 0x70));
        selection.format.setFontWeight(QFont::Bold);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        selections << selection;
        QTextCursor cursor(block);
        editor->setTextCursor(cursor);
        editor->ensureCursorVisible();
    }
    editor->setExtraSelections(selections);
}

} // namespace socketlab
