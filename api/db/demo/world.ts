// What the demo's stories share: the ids of what earlier steps made, and the few calls every story
// makes (an application's next step, a person's id).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import type { Application } from '../../applications/application.entity.js';
import type { ApplicationAction } from '../../applications/application.enums.js';
import type { ApplicationInput } from '../../applications/application.inputs.js';
import { ApplicationService } from '../../applications/application.service.js';
import { fieldsSelection } from '../../common/read-rows.js';
import type { RoomSetupInput } from '../../rooms/room.inputs.js';
import { Office } from '../../offices/office.entity.js';
import { User } from '../../users/user.entity.js';

/** Ids by story key, set by the step that made the thing. */
export class World {
  private readonly ids = new Map<string, string>();

  set(key: string, id: string): void {
    this.ids.set(key, id);
  }

  get(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`demo: "${key}" does not exist yet at this point of the story`);
    return id;
  }
}

export async function userId(em: EntityManager, loginId: string): Promise<string> {
  return (await em.findOneOrFail(User, { loginId }, { fields: ['id'] })).id;
}

export async function officeId(em: EntityManager, name: string): Promise<string> {
  return (await em.findOneOrFail(Office, { name }, { fields: ['id'] })).id;
}

/** The next step of an application, as the panel would send it (with the version it just read). */
export async function act(ctx: Context, applicationId: string, action: ApplicationAction, comment: string | null = null, input?: ApplicationInput, setup?: RoomSetupInput): Promise<Application> {
  const svc = new ApplicationService(ctx);
  const app = await svc.read(applicationId, fieldsSelection('version')); // opened first, as in the panel (a room form's read is logged)
  return svc.transition(applicationId, app.version, action, comment, input, setup);
}
