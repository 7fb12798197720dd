#pragma once

#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/service.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QUndoStack;

namespace Tandem {

class Database;
class TimeZoneCombo;

/// Team ▸ Services…: the follow-the-sun services. A list of services on the left; the selected
/// one's name, zone and legs (the rotations that cover it, checked) on the right, with its coverage
/// over the next four weeks. New, Apply and Remove write through ServiceCatalog, each an undo step
/// on `stack`; a refusal is shown in the dialog and writes nothing.
class ServicesDialog final : public QDialog
{
    Q_OBJECT

public:
    ServicesDialog(Database &db, QUndoStack *stack, QWidget *parent = nullptr);

    /// Reads the services and rotations again (after an undo, a sync).
    void reload();
    /// Selects the service named `name` (case-insensitive); false when there is none.
    bool selectService(const QString &name);

private:
    void showSelected();
    void addService();
    void applyService();
    void removeService();
    Service edited() const;
    void say(const QString &message, bool error);
    void push(const QString &text, std::function<Status()> redo, std::function<Status()> undo);

    Database &m_db;
    QPointer<QUndoStack> m_stack;
    QList<Service> m_services;
    QList<Rotation> m_rotations;
    QListWidget *m_list;
    QLineEdit *m_name;
    TimeZoneCombo *m_zone;
    QListWidget *m_legs;
    QLabel *m_coverage;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_apply;
    QPushButton *m_remove;
};

} // namespace Tandem
