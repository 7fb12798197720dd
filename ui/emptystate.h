#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemView;
class QLabel;

namespace Tandem {

/// Words over an item view while its model has no rows ("No conflicts in these weeks."), so
/// that an empty list says why it is empty instead of showing nothing. A label on the view's
/// viewport: screen readers read it, clicks go through to the view.
class EmptyState final : public QObject
{
    Q_OBJECT

public:
    /// Shows `text` over `view` whenever its current model is empty. Owned by the view.
    static EmptyState *install(QAbstractItemView *view, const QString &text);
    void setText(const QString &text);
    QString text() const;
    /// Follows the view's model again, after the view got another one.
    void track();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    EmptyState(QAbstractItemView *view, const QString &text);
    void update();
    void place();

    QPointer<QAbstractItemView> m_view;
    QPointer<QLabel> m_label; // a child of the viewport, which may go first
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Tandem
