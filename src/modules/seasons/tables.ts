export interface SeasonsTables {}
