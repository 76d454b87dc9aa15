import { Alert } from '../../components/Alert';
import { PlanWordsSection } from '../../components/PlanWordsSection';
import { useLoad } from '../../app/use-load';
import { volunteers } from '../../text/volunteers';
import { addTopic, failureText, topics } from './volunteers-api';

/** The topics volunteers choose from: the built-in ones and the plan's own, which the leader adds here. */
export function TopicsSection() {
  const [loaded, replace] = useLoad('topics', topics);
  if (loaded.state === 'failed') return <Alert kind="error">{failureText(loaded.error)}</Alert>;
  const words = loaded.state === 'loaded' ? loaded.data : [];
  return <PlanWordsSection idPrefix="topic" text={volunteers.summary.topics} words={words} add={addTopic} onAdded={(added) => replace([...words, added])} failureText={failureText} />;
}
