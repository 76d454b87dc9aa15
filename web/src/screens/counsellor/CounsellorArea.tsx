import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../../app/session';
import { outbox } from '../../outbox/outbox';
import { sendQueued } from './counsellor-api';
import { OutboxStatus } from './OutboxStatus';

/** The counsellor's screens: while signed in, the outbox sends what waits (their own items only), and every screen says how much waits. */
export function CounsellorArea() {
  const { me } = useSession();
  useEffect(() => {
    if (me) outbox.connect(me.id, sendQueued);
  }, [me]);
  return (
    <>
      <OutboxStatus />
      <Outlet />
    </>
  );
}
