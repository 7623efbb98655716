import { Migration } from '@mikro-orm/migrations';

// Every API process may keep sessions and API tokens in memory (api/auth/session-cache.ts) because
// any change that can end or narrow one is announced on channel `auth_changed` with the user's id:
// from triggers, so no code path (sign-out, password change, the stop job, a role change, a reset,
// a restore, plain SQL) can forget it, and sent by NOTIFY, so it is delivered only if the change commits.
// A "last seen" touch (moving it forward) is left out: it ends nothing, and would announce every minute.
export class Migration20261130103001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function auth_changed_row() returns trigger language plpgsql as $$
declare
  owner_column text := tg_argv[0];
  touch_column text := tg_argv[1];
  before jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after jsonb := case when tg_op in ('UPDATE', 'INSERT') then to_jsonb(new) end;
begin
  if tg_op = 'UPDATE' and touch_column is not null and (before - touch_column) = (after - touch_column)
    and (after ->> touch_column)::timestamptz >= coalesce((before ->> touch_column)::timestamptz, '-infinity') then
    return null;
  end if;
  if before is not null then perform pg_notify('auth_changed', before ->> owner_column); end if;
  if after is not null and after ->> owner_column is distinct from before ->> owner_column then
    perform pg_notify('auth_changed', after ->> owner_column);
  end if;
  return null;
end $$;`);
    this.addSql(`create function auth_changed_all() returns trigger language plpgsql as $$
begin
  perform pg_notify('auth_changed', '*');
  return null;
end $$;`);
    // a new row is never in a cache: inserts need no announcement
    this.addSql(`create trigger "app_user_auth_changed" after update or delete on "app_user" for each row execute function auth_changed_row('id', null);`);
    this.addSql(`create trigger "session_auth_changed" after update or delete on "session" for each row execute function auth_changed_row('user_id', 'last_seen_at');`);
    this.addSql(`create trigger "api_token_auth_changed" after update or delete on "api_token" for each row execute function auth_changed_row('owner_id', 'last_used_at');`);
    for (const table of ['app_user', 'session', 'api_token']) {
      this.addSql(`create trigger "${table}_auth_truncated" after truncate on "${table}" for each statement execute function auth_changed_all();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['app_user', 'session', 'api_token']) {
      this.addSql(`drop trigger "${table}_auth_truncated" on "${table}";`);
      this.addSql(`drop trigger "${table}_auth_changed" on "${table}";`);
    }
    this.addSql(`drop function auth_changed_all();`);
    this.addSql(`drop function auth_changed_row();`);
  }

}
