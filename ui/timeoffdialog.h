#pragma once

#include "domain/person.h"
#include "domain/timeoff.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Tandem {

class RosterEditor;

/// Shows and edits one person's time off. Every add, change and removal is its own undoable
/// step, saved at once.
class TimeOffDialog final : public QDialog
{
    Q_OBJECT

public:
    TimeOffDialog(RosterEditor &editor, const Person &person, QWidget *parent = nullptr);

private:
    void reload();
    void add();
    void removeSelected();
    void showSelected();
    void saveSelected();

    RosterEditor &m_editor;
    Person m_person;
    QList<TimeOff> m_entries;
    QTableWidget *m_table;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_reason;
    QPushButton *m_addButton;
    QPushButton *m_saveButton;
    QPushButton *m_removeButton;
    QLabel *m_message;
};

} // namespace Tandem
