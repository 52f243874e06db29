#include "ui/classview.h"

#include "ui/classtiledelegate.h"
#include "ui/models/colorpalette.h"

#include <QEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QStyle>

namespace socketlab {

namespace {
constexpr int kSpacing = 0; // the tiles draw their own one-pixel gap
}

ClassView::ClassView(QWidget *parent)
    : QListView(parent),
      m_delegate(new ClassTileDelegate(this))
{
    setObjectName(QStringLiteral("classView"));
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSpacing(kSpacing);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setMouseTracking(true); // tooltips name everything a tile elides
}

void ClassView::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &ClassView::updateGrid);
        connect(model, &QAbstractItemModel::modelReset, this, &ClassView::updateGrid);
    }
    updateGrid();
}

int ClassView::columnsFor(int width, int tileWidth) const
{
    int columns = qMax(1, width / qMax(1, tileWidth));
    // Never a multiple of the hues: student n and n + columns would share a colour.
    if (columns > 1 && columns % ColorPalette::studentHueCount() == 0)
        --columns;
    return columns;
}

int ClassView::heightForStudents(int width, int students) const
{
    const QSize tile = ClassTileDelegate::tileSize(font(), kScales[std::size(kScales) - 1]);
    const int inner = width - 2 * frameWidth() - 1;
    const int columns = columnsFor(inner, tile.width());
    const int rows = (qMax(1, students) + columns - 1) / columns;
    return rows * tile.height() + 2 * frameWidth() + 2;
}

double ClassView::tileScale() const
{
    return m_delegate->scale();
}

void ClassView::updateGrid()
{
    if (m_updating)
        return;
    m_updating = true;
    // (Less a pixel, or the last tile of a row wraps.)
    const int width = viewport()->width() - 1;
    const int height = viewport()->height();
    const int students = model() ? model()->rowCount() : 0;
    // The largest text at which every student fits; the smallest (and a scroll bar) otherwise.
    double scale = kScales[std::size(kScales) - 1];
    for (double candidate : kScales) {
        const QSize tile = ClassTileDelegate::tileSize(font(), candidate);
        const int columns = columnsFor(width, tile.width());
        const int rows = (qMax(1, students) + columns - 1) / columns;
        if (rows * tile.height() <= height) {
            scale = candidate;
            break;
        }
    }
    const QSize tile = ClassTileDelegate::tileSize(font(), scale);
    m_columns = columnsFor(width, tile.width());
    // The tiles share the whole width (exactly m_columns of them fit, never one more).
    const QSize grid(qMax(tile.width(), width / m_columns), tile.height());
    if (grid != gridSize() || scale != m_delegate->scale()) {
        m_delegate->setScale(scale);
        m_delegate->setCellSize(grid);
        setGridSize(grid);
        doItemsLayout();
        viewport()->update();
    }
    m_updating = false;
}

bool ClassView::viewportEvent(QEvent *event)
{
    const bool done = QListView::viewportEvent(event);
    if (event->type() == QEvent::Resize)
        updateGrid();
    return done;
}

void ClassView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    updateGrid();
}

void ClassView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGrid();
}

} // namespace socketlab
