#pragma once

#include <QWidget>

namespace Tandem {

/// What an empty database shows: the three ways to start.
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

Q_SIGNALS:
    void createTeamRequested();
    void importRequested();
    void demoRequested();
};

} // namespace Tandem
