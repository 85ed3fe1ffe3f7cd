import { PlanningSettingsEntity } from './planning-settings.entity';
import { QueueRankEntity } from './queue-rank.entity';
import { QueueReorderEntity } from './queue-reorder.entity';

/** Every entity of the planning domain (registered in `src/database/typeorm-options.ts`). */
export const PLANNING_ENTITIES = [PlanningSettingsEntity, QueueReorderEntity, QueueRankEntity];
