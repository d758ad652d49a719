import { useEffect, useState } from 'react';

const format = (ms: number) => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** Time left until `until` (ms since epoch), as m:ss. Display only: the machine owns the expiry. */
export function Countdown({ until }: { until: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <time className="countdown" dateTime={`PT${Math.max(0, Math.ceil((until - now) / 1000))}S`}>
      {format(until - now)}
    </time>
  );
}
