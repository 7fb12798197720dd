#pragma once

#include "domain/person.h"

#include <QObject>

namespace Tandem {

class MainWindow;

/// The roster's actions on the open database: add, edit and remove a person, their time off,
/// a new team. The main window owns one and forwards its menu actions and its public slots here.
class RosterActions final : public QObject
{
    Q_OBJECT

public:
    explicit RosterActions(MainWindow &window);

    void addPerson();
    void editPerson(const Person &person);
    void removePerson(const Person &person);
    void editTimeOff(const Person &person);
    void createTeam();

private:
    MainWindow &m_window;
};

} // namespace Tandem
