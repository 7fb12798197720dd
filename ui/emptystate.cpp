#include "emptystate.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace Tandem {

EmptyState *EmptyState::install(QAbstractItemView *view, const QString &text)
{
    return new EmptyState(view, text);
}

EmptyState::EmptyState(QAbstractItemView *view, const QString &text) : QObject(view), m_view(view)
{
    m_label = new QLabel(text, view->viewport());
    m_label->setObjectName(view->objectName() + u"Empty"_s);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    view->viewport()->installEventFilter(this);
    track();
}

void EmptyState::track()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections)) {
        disconnect(c);
    }
    m_connections.clear();
    if (QAbstractItemModel *model = m_view ? m_view->model() : nullptr) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            m_connections << connect(model, signal, this, &EmptyState::update);
        }
        m_connections << connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::update);
        m_connections << connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::update);
    }
    update();
}

void EmptyState::setText(const QString &text)
{
    if (m_label) {
        m_label->setText(text);
    }
}

QString EmptyState::text() const
{
    return m_label ? m_label->text() : QString();
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (m_view && watched == m_view->viewport() && event->type() == QEvent::Resize) {
        place();
    }
    return QObject::eventFilter(watched, event);
}

void EmptyState::update()
{
    if (!m_label) {
        return;
    }
    const bool empty = !m_view || !m_view->model() || m_view->model()->rowCount(m_view->rootIndex()) == 0;
    m_label->setVisible(empty);
    if (empty) {
        place();
    }
}

void EmptyState::place()
{
    if (m_view && m_label) {
        const QRect area = m_view->viewport()->rect().adjusted(12, 12, -12, -12);
        m_label->setGeometry(area.left(), area.top(), area.width(), std::min(area.height(), 120));
    }
}

} // namespace Tandem
