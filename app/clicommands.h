#pragma once

#include "clicommand.h"
#include "reports/servicecoverage.h"

#include <memory>

/// The commands of `tandem COMMAND ...`, one factory each, by the file that holds the class.
/// allCommands() (cli.cpp) lists them in the order of `tandem --help`.
namespace Tandem {

// cliroster.cpp
std::unique_ptr<Command> rosterImportCommand();
std::unique_ptr<Command> rosterExportCommand();
std::unique_ptr<Command> rosterListCommand();
std::unique_ptr<Command> timeOffAddCommand();
std::unique_ptr<Command> timeOffListCommand();

// clirotation.cpp
std::unique_ptr<Command> rotationAddCommand();
std::unique_ptr<Command> rotationEditCommand();
std::unique_ptr<Command> poolAddCommand();
std::unique_ptr<Command> poolEditCommand();
std::unique_ptr<Command> poolListCommand();
std::unique_ptr<Command> poolRemoveCommand();
std::unique_ptr<Command> rotationListCommand();
std::unique_ptr<Command> rotationShowCommand();
std::unique_ptr<Command> rotationRemoveCommand();
std::unique_ptr<Command> shiftsListCommand();

// clionboarding.cpp
std::unique_ptr<Command> rotationOnboardCommand();
std::unique_ptr<Command> rotationTraineesCommand();
std::unique_ptr<Command> rotationConfirmCommand();
std::unique_ptr<Command> rotationWithdrawCommand();
std::unique_ptr<Command> shiftShadowCommand();

// clihistory.cpp
std::unique_ptr<Command> logArchiveCommand();
std::unique_ptr<Command> checkCommand();

// cliical.cpp
std::unique_ptr<Command> exportIcsCommand();
std::unique_ptr<Command> importIcsCommand();

// clihistoryimport.cpp
std::unique_ptr<Command> importHistoryCommand();

// cliengineer.cpp
std::unique_ptr<Command> nextCommand();
std::unique_ptr<Command> nowCommand();
std::unique_ptr<Command> noteCommand();
std::unique_ptr<Command> swapRequestCommand();
std::unique_ptr<Command> swapAnswerCommand(const QString &verb); ///< accept, decline, approve, refuse, cancel
std::unique_ptr<Command> swapListCommand();

// clisync.cpp
std::unique_ptr<Command> syncCommand();
std::unique_ptr<Command> syncStatusCommand();
std::unique_ptr<Command> syncConflictsCommand();
std::unique_ptr<Command> syncResolveCommand();
std::unique_ptr<Command> syncDisconnectCommand();
std::unique_ptr<Command> syncFlagsCommand();
std::unique_ptr<Command> syncTimeOffCommand();

// cliplan.cpp
std::unique_ptr<Command> planCommand();
/// report fairness as text or JSON; not in the table: reportFairnessCommand() runs it.
std::unique_ptr<Command> fairnessTextCommand();

// clireport.cpp
std::unique_ptr<Command> reportFairnessCommand();
std::unique_ptr<Command> printSheetCommand();
std::unique_ptr<Command> reportHoursCommand();
std::unique_ptr<Command> reportCoverageCommand();

// cliservice.cpp
std::unique_ptr<Command> serviceAddCommand();
std::unique_ptr<Command> serviceListCommand();
std::unique_ptr<Command> serviceShowCommand();
std::unique_ptr<Command> serviceEditCommand();
std::unique_ptr<Command> serviceRemoveCommand();
/// The text of `report coverage --service` (clireport.cpp runs the command).
QString serviceCoverageText(const Reports::ServiceCoverage &coverage);

} // namespace Tandem
