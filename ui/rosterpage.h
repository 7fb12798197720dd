#pragma once

#include "domain/person.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Tandem {

class RosterFilterModel;
class RosterModel;

/// The roster: a sortable, searchable table of people with team and role filters. Actions
/// (add, edit, remove, time off) live in the main window; the page offers the selection.
class RosterPage final : public QWidget
{
    Q_OBJECT

public:
    explicit RosterPage(QWidget *parent = nullptr);

    void setModel(RosterModel *model);
    QTableView *view() const { return m_view; }
    RosterFilterModel *filterModel() const { return m_filter; }
    QLineEdit *searchEdit() const { return m_search; }

    /// The person in the current row, or a null person.
    Person currentPerson() const;
    void selectPerson(PersonId id);
    /// Fills the team filter again (teams were added or renamed).
    void refreshTeams();

Q_SIGNALS:
    void activated(const Tandem::Person &person); ///< double-click or Enter on a row
    void currentChanged();
    void contextMenuRequested(const QPoint &globalPos);

private:
    void updateCount();

    RosterModel *m_model = nullptr;
    RosterFilterModel *m_filter;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_team;
    QComboBox *m_role;
    QLabel *m_count;
};

} // namespace Tandem
