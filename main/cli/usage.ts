// The command line's help text; the options are those of the contract in ../shared/spec/cli-and-findings.md.
export const USAGE = `用法：dossier-check scan <档案文件夹> [选项]
      dossier-check check-export <系统导出表.xlsx>… [选项]
      dossier-check template checklist <县资料目录.xlsx>      写出县里的检查清单模板（列、可选值、两行示例）
      npm run --silent scan -- <档案文件夹> [选项]
      npm run --silent check-export -- <系统导出表.xlsx>… [选项]

scan：审查乡村振兴户内档案与村级台账，生成整改台账（xlsx）、网页报告（html）或 JSON 报告。
扫描只读取档案，不会改动档案文件夹里的任何文件。
check-export：只检查防返贫监测系统导出表本身的疑点数据（字段互相矛盾或与政策不符，共 56 项），
不需要档案文件夹；同一次导出的人员表、户信息表、务工表可一起给出。可用 --as-of、--config、--format、
--out、--previous、--fail-on、--quiet。

选项：
  --as-of YYYY-MM-DD        审查日期：“当年”、台账更新和期限按此日期判断（默认：今天）
  --checklist <文件>        用此检查清单（YAML 或按模板填写的 .xlsx）代替默认清单
  --config <县配置.yaml>     县里的配置：监测收入标准、阈值、列名和收入项的其他写法、增删停用表述和
                            健康用语、扫描件文字识别的设置、关闭某条规则
                            （示例：rules/county-config.example.yaml），可多次给出
  --system <文件.xlsx>      防返贫监测系统导出的农户名单，可多次给出
                            （默认：自动识别档案文件夹中的系统导出表）
  --format json|xlsx|html   报告格式，可多次给出（默认：xlsx）
  --out <路径>              报告写到哪里；多种格式时为文件夹；单个 json/html 格式可用 - 输出到标准输出
                            （默认：当前文件夹下的 dossier-report.<扩展名>）
  --previous <台账.xlsx|报告.json>  上次的报告（可用填好的 Excel 台账）：带回整改信息，标出新增、未整改和已整改
  --jobs N                  读取文件内容的线程数（默认：CPU 核数）
  --ocr off|auto|all        识别扫描件和图片中的文字：off 不识别（只按文件名），auto 只识别名称认不出
                            或检查要用到内容的（默认），all 全部识别（每页约 1 秒以上）
  --no-cache                不使用也不写入读取缓存
  --verify-cache            不凭文件大小和修改时间判断文件未改，逐个重新计算内容哈希（文件改过但时间被还原时用）
  --cache-dir <文件夹>      缓存存放位置（默认：用户应用数据文件夹）
  --fail-on error|warning   发现此级别（或更严重）的问题时以状态 1 退出
  --quiet, -q               不显示进度和汇总
  --help, -h                显示本帮助
  --version, -V             显示版本号

退出状态：0 扫描完成；1 扫描完成且发现 --fail-on 指定级别的问题；2 参数错误、档案文件夹无法读取或检查清单有误。

示例：
  dossier-check scan D:\\档案\\城关镇 --as-of 2023-09-30
  dossier-check scan ./城关镇 --format xlsx --format html --out ./报告 --previous ./上次/dossier-report.xlsx
  dossier-check check-export ./监测对象信息.xlsx ./务工信息.xlsx --as-of 2024-12-15 --format json --out -
`;
