import { CHART_COLOURS as C, type ChartModel, type ChartText } from './geometry.js';

const n = (value: number) => String(value);

function Text({ text }: { text: ChartText }): JSX.Element {
  return (
    <text x={n(text.x)} y={n(text.y)} text-anchor={text.anchor} font-size={n(text.size)} fill={C.text} safe>
      {text.text}
    </text>
  );
}

/**
 * The chart as SVG markup: `role="img"` named by its <title> and described by its <desc>. Presentation
 * attributes only (the CSP forbids inline styles); every text is escaped. The data table beside it carries
 * the same figures for those who do not see the drawing.
 */
export function ChartSvg(props: { id: string; model: ChartModel; title: string; description: string }): JSX.Element {
  const { id, model } = props;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${model.width} ${model.height}`}
      width="100%"
      class="impact-chart"
      font-family="Marianne, arial, sans-serif"
    >
      <title id={`${id}-title`} safe>
        {props.title}
      </title>
      <desc id={`${id}-desc`} safe>
        {props.description}
      </desc>
      <path d={model.grid} stroke={C.grid} stroke-width="1" fill="none" />
      <path d={model.axes} stroke={C.axis} stroke-width="1" fill="none" />
      {model.baseline ? (
        <path d={model.baseline.line} stroke={C.baseline} stroke-width="1.5" stroke-dasharray="6 4" fill="none" />
      ) : (
        ''
      )}
      {model.targetPath ? (
        <path d={model.targetPath} stroke={C.target} stroke-width="1.5" stroke-dasharray="3 3" fill="none" />
      ) : (
        ''
      )}
      {model.valuesPath ? <path d={model.valuesPath} stroke={C.values} stroke-width="2.5" fill="none" /> : ''}
      {model.baseline ? <path d={model.baseline.path} fill={C.baseline} stroke="#ffffff" stroke-width="1" /> : ''}
      {model.values.map((m) => (
        <path d={m.path} fill={C.values} stroke="#ffffff" stroke-width="1" />
      ))}
      {model.targets.map((m) => (
        <path d={m.path} fill="#ffffff" stroke={C.target} stroke-width="2" />
      ))}
      {model.texts.map((text) => (
        <Text text={text} />
      ))}
      {model.legend.map((item) => (
        <g>
          <path
            d={item.line}
            stroke={C[item.kind]}
            stroke-width="2"
            stroke-dasharray={item.kind === 'values' ? undefined : item.kind === 'baseline' ? '6 4' : '3 3'}
            fill="none"
          />
          <path
            d={item.marker}
            fill={item.kind === 'target' ? '#ffffff' : C[item.kind]}
            stroke={item.kind === 'target' ? C.target : '#ffffff'}
            stroke-width={item.kind === 'target' ? '2' : '1'}
          />
          <Text text={item.text} />
        </g>
      ))}
    </svg>
  );
}
