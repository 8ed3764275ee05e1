-- The executions of scheduled bulk searches, kept by db-scheduler (com.github.kagkarlsson:db-scheduler): one row
-- per tenant with a schedule (task_name 'scheduled-scan', task_instance the tenant id, task_data its cron and
-- zone), picked by one server at a time. The layout is the library's own (its PostgreSQL script, with varchar
-- keys so that H2 can index them), so this table alone is exempt from the rule that keys and indexes start with
-- tenant_id: db-scheduler finds an execution by (task_name, task_instance) and the due ones by time.
create table scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(100)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
