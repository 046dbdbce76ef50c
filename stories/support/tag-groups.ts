// The tag groups of the stories: a department store's, and the platform's quota of 3,000 tags.
import type { TagGroup } from '@clienteling/core';
import { fixtures } from '../../test/helpers/stub-adapter.js';

const tag = fixtures.tag;
const group = fixtures.tagGroup;

/** A realistic set of tag groups of a department store. */
export function storeGroups(): TagGroup[] {
  const tags = (groupId: string, names: string[]) =>
    names.map((name, i) => tag({ id: `${groupId}-${i}`, groupId, name, order: names.length - i }));
  return [
    group({
      id: 'age',
      name: '年龄段',
      order: 100,
      selection: 'single',
      allowCreate: false,
      tags: tags('age', ['20岁以下', '20-30', '30-40', '40-50', '50岁以上']),
    }),
    group({
      id: 'job',
      name: '职业',
      order: 90,
      selection: 'single',
      tags: tags('job', ['学生', '白领', '自由职业', '企业主', '教师', '医护']),
    }),
    group({
      id: 'style',
      name: '穿搭偏好',
      order: 80,
      tags: tags('style', ['运动风', '通勤', '轻奢', '国潮', '户外', '简约', '复古']),
    }),
    group({ id: 'care', name: '护肤关注', order: 70, tags: tags('care', ['保湿', '美白', '抗老', '敏感肌', '控油']) }),
    group({ id: 'family', name: '家庭', order: 60, tags: tags('family', ['已婚', '有宝宝', '养宠物']) }),
    group({ id: 'old', name: '已停用分组', order: 50, deleted: true, tags: tags('old', ['旧标签']) }),
    group({
      id: 'rfm',
      name: '消费力（系统）',
      order: 10,
      kind: 'rule',
      allowCreate: false,
      tags: tags('rfm', ['高消费', '高频到店', '沉睡客户']),
    }),
  ];
}

/** The platform's quota: 3,000 tags in 30 groups. */
export function bigGroups(): TagGroup[] {
  const words = ['运动', '通勤', '轻奢', '亲子', '户外', '美妆', '护肤', '茶饮', '数码', '家居'];
  return Array.from({ length: 30 }, (_, g) =>
    group({
      id: `g${g}`,
      name: `分组 ${g + 1}`,
      order: 30 - g,
      selection: g % 3 === 0 ? 'single' : 'multiple',
      tags: Array.from({ length: 100 }, (_, t) =>
        tag({ id: `g${g}-t${t}`, groupId: `g${g}`, name: `${words[(g + t) % 10]}${t} 号`, order: 100 - t }),
      ),
    }),
  );
}
