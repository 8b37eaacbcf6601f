import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { isApiError } from '@/lib/api/api-error';
import { EmptyState } from '@/components/list-states';

/**
 * The server's answer that the thing is not there (404: never existed, withdrawn, someone else's) or
 * that the id in the link is not an id (400 on the id). Loading again cannot help; a network error can.
 */
export function isMissing(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.status === 404 || (error.status === 400 && error.field === 'id');
}

/** Instead of 加载失败 + 重新加载 for a link to nothing: what happened, and the way to the list. */
export function NotFoundState({ title, description, back, onBack }: { title: string; description: string; back: string; onBack: () => void }) {
  return (
    <View data-testid="not-found">
      <EmptyState title={title} description={description} />
      <View className="yst-actions">
        <Button type="primary" block onClick={onBack}>
          {back}
        </Button>
      </View>
    </View>
  );
}
