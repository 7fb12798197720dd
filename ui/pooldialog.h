#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Tandem {

/// Creates an ops pool: a name and the people with production access who take the ops seat.
/// OK stays disabled until the pool is valid; a refusal (a name already used) keeps it open.
class PoolDialog final : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Result<OpsPool>(const OpsPool &)>;

    /// Offers the people of `people` who have production access.
    PoolDialog(const QList<Person> &people, Submit submit, QWidget *parent = nullptr);

    void setPool(const OpsPool &pool);
    /// The pool as entered; after OK, as the service stored it.
    OpsPool pool() const;

    void accept() override;

private:
    void validate();

    Submit m_submit;
    OpsPool m_pool;
    QLineEdit *m_name;
    QListWidget *m_members;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace Tandem
