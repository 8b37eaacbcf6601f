import { Text } from '@tarojs/components';
import { splitHighlights } from './highlight';

interface Props {
  text: string;
  terms: readonly string[];
  className?: string;
}

/** Matched words in a distinct colour; plain text stays one node so long summaries cost little. */
export function HighlightedText({ text, terms, className }: Props) {
  const pieces = splitHighlights(text, terms);
  if (pieces.length === 1 && !pieces[0].hit) return <Text className={className}>{text}</Text>;
  return (
    <Text className={className}>
      {pieces.map((piece, i) =>
        piece.hit ? (
          <Text key={i} className="yst-hl">
            {piece.text}
          </Text>
        ) : (
          piece.text
        ),
      )}
    </Text>
  );
}
