import type { EndpointResponse } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';

type RenewReply = EndpointResponse<'renewLeases'>;

/**
 * Extends the leases a worker still holds by the project's lease duration. A lease is still held
 * while its task is not done and nobody leased it since (the epoch is unchanged), even when it ran
 * out in the meantime: an offline worker coming back keeps their work. Anything else is `lost`.
 */
export async function renewLeases(
  db: Db,
  workerId: string,
  leases: ReadonlyArray<{ taskId: string; leaseEpoch: number }>,
): Promise<RenewReply> {
  const rows = await db.query<{ task_id: string; lease_epoch: number; lease_expires_at: Date }>(
    `WITH wanted AS (
       SELECT DISTINCT task_id, epoch FROM jsonb_to_recordset($2::jsonb) AS x(task_id uuid, epoch int)
     ), renewed AS (
       UPDATE tasks t
       SET status = 'leased',
           lease_expires_at = now() + make_interval(secs => p.lease_seconds)
       FROM wanted w, projects p
       WHERE t.id = w.task_id AND t.lease_epoch = w.epoch AND t.lease_worker = $1::uuid
         AND t.status IN ('leased', 'open') AND p.id = t.project_id
       RETURNING t.id, t.lease_epoch, t.lease_expires_at
     ), history AS (
       UPDATE leases l SET expires_at = r.lease_expires_at
       FROM renewed r WHERE l.task_id = r.id AND l.epoch = r.lease_epoch
     )
     SELECT id AS task_id, lease_epoch, lease_expires_at FROM renewed`,
    [workerId, JSON.stringify(leases.map((lease) => ({ task_id: lease.taskId, epoch: lease.leaseEpoch })))],
  );
  const renewed = new Map(rows.map((row) => [`${row.task_id}/${row.lease_epoch}`, row]));
  return {
    leases: leases.map((lease) => {
      const row = renewed.get(`${lease.taskId}/${lease.leaseEpoch}`);
      return row
        ? {
            taskId: lease.taskId,
            leaseEpoch: lease.leaseEpoch,
            status: 'renewed',
            leaseExpiresAt: isoOf(row.lease_expires_at),
          }
        : { taskId: lease.taskId, leaseEpoch: lease.leaseEpoch, status: 'lost', leaseExpiresAt: null };
    }),
  };
}
