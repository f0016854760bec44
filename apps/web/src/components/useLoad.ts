// Load data for a page: the value, the error (a 404 becomes the not-found page), and a reload.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    setLoading(true);
    run()
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, [run]);
  useEffect(reload, [reload]);
  const notFound = error instanceof ApiError && error.status === 404;
  return { data, error, loading, reload, notFound };
}
