#pragma once

#include <QObject>
#include <QString>

namespace Tandem {

class MainWindow;

/// Files in and out of the open database: the roster as CSV, shifts to iCalendar, time off and
/// public holidays from iCalendar. The main window owns one and forwards its File menu here.
class TransferActions final : public QObject
{
    Q_OBJECT

public:
    explicit TransferActions(MainWindow &window);

    void importRoster(const QString &fileName = {});
    void exportRoster(const QString &fileName = {});
    void exportIcal(const QString &fileName = {});
    void importTimeOffIcal(const QString &fileName = {});
    void importHolidaysIcal(const QString &fileName = {});
    /// Opens the history import wizard (window-modal, not blocking); an import it writes is one
    /// undo step.
    void importHistory(const QString &fileName = {});

private:
    MainWindow &m_window;
};

} // namespace Tandem
